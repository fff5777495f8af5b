package dev.zdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectPathTest {

  private static final ObjectPath CRM = ObjectPath.of(Kind.DATASTORE, "crm");

  @Test
  void aPathBuiltStepByStepEqualsThePathOfItsSegments() {
    ObjectPath built = CRM.item("datasets", "customers").item("columns", "id").field("type");
    ObjectPath listed =
        new ObjectPath(List.of("Datastore", "crm", "datasets[customers]", "columns[id]", "type"));

    assertThat(built).isEqualTo(listed).hasSameHashCodeAs(listed);
    assertThat(built.segments()).isEqualTo(listed.segments());
    assertThat(built).hasToString("Datastore/crm/datasets[customers]/columns[id]/type");
    assertThat(built).isNotEqualTo(CRM.item("datasets", "customers").item("columns", "ids"));
    assertThat(built).isNotEqualTo(ObjectPath.of(Kind.DATASTORE, "erp").field("type"));
  }

  @Test
  void elementsByPositionAndByNameDifferAndEqualTheirTexts() {
    ObjectPath third = CRM.index("datasets", 2);
    ObjectPath named = CRM.item("datasets", "2");

    assertThat(third).isEqualTo(named).hasSameHashCodeAs(named);
    assertThat(third).isEqualTo(new ObjectPath(List.of("Datastore", "crm", "datasets[2]")));
    assertThat(CRM.item("datasets", "a").field("b"))
        .isNotEqualTo(CRM.item("datasets", "a.b"))
        .isNotEqualTo(CRM.field("datasets[a]").field("c"));
    assertThat(CRM.item("datasets", "a").field("b"))
        .isEqualTo(CRM.field("datasets[a]").field("b"))
        .hasSameHashCodeAs(CRM.field("datasets[a]").field("b"));
    assertThat(named.last()).isEqualTo("datasets[2]");
    assertThat(named.size()).isEqualTo(3);
    assertThat(named).hasToString("Datastore/crm/datasets[2]");
  }

  @Test
  void parentsStopAtTheTopLevelObject() {
    ObjectPath column = CRM.item("datasets", "customers").item("columns", "id");

    assertThat(column.parent()).isEqualTo(CRM.item("datasets", "customers"));
    assertThat(CRM.field("capture").parent()).isEqualTo(CRM);
    assertThat(CRM.parent()).isSameAs(CRM);
    assertThat(CRM.contains(column)).isTrue();
    assertThat(column.contains(CRM)).isFalse();
    assertThat(ObjectPath.of(Kind.DATASTORE, "cr").contains(column)).isFalse();
  }

  @Test
  void pathsSortAsTheirTexts() {
    List<ObjectPath> paths =
        new ArrayList<>(
            List.of(
                CRM.field("x-y"),
                CRM.field("x").field("a"),
                CRM.field("x"),
                CRM,
                ObjectPath.of(Kind.DATASTORE, "crm2"),
                ObjectPath.of(Kind.DATASTORE, "cr"),
                ObjectPath.of(Kind.WORKSPACE, "a"),
                ObjectPath.document("a.yaml", 2),
                CRM.item("datasets", "b").field("z"),
                CRM.item("datasets", "a")));
    List<ObjectPath> byText = new ArrayList<>(paths);
    byText.sort(Comparator.comparing(ObjectPath::toString));

    paths.sort(Comparator.naturalOrder());

    assertThat(paths).containsExactlyElementsOf(byText);
    assertThat(CRM.field("x")).isEqualByComparingTo(CRM.field("x"));
  }
}
