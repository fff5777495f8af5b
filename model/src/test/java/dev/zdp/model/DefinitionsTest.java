package dev.zdp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

  private static final ObjectPath CRM = ObjectPath.of(Kind.DATASTORE, "crm");

  @Test
  void aPackedListGivesBackEveryDefinitionAsWrittenInOrder() {
    List<Definition> written =
        List.of(
            new Definition(CRM, new SourceLocation("crm.yaml", 1, 1)),
            new Definition(CRM.item("datasets", "customers"), new SourceLocation("crm.yaml", 5, 5)),
            new Definition(
                CRM.item("datasets", "customers").item("columns", "id"),
                new SourceLocation("crm.yaml", 8, 9)),
            new Definition(CRM.index("datasets", 3), new SourceLocation("crm.yaml", 20, 5)),
            new Definition(
                ObjectPath.document("crm.yaml", 2), new SourceLocation("crm.yaml", 30, 1)),
            new Definition(
                CRM.field("capture").item("tables", "a.b"), new SourceLocation("crm.yaml", 40, 3)));

    Definitions packed = Definitions.of(written);

    assertThat(packed).isEqualTo(written).hasSameHashCodeAs(written);
    for (int i = 0; i < written.size(); i++) {
      Definition definition = packed.get(i);
      assertThat(definition.path())
          .isEqualTo(written.get(i).path())
          .hasSameHashCodeAs(written.get(i).path())
          .hasToString(written.get(i).path().toString());
      assertThat(definition.path().parent()).isEqualTo(written.get(i).path().parent());
      assertThat(definition.location()).isEqualTo(written.get(i).location());
    }
    assertThat(packed.subList(1, 3)).isEqualTo(written.subList(1, 3));
    assertThat(packed.topLevel()).containsExactly(written.get(0));
    assertThat(Definitions.of(packed)).isSameAs(packed);
  }

  @Test
  void joinedListsReadAsOneListByIndexAndInTurn() {
    Random random = new Random(7);
    List<Definition> all = new ArrayList<>();
    List<Definitions> files = new ArrayList<>();
    for (int file = 0; file < 40; file++) {
      Definitions.Builder builder = new Definitions.Builder();
      String name = "teams/t" + file + ".yaml";
      ObjectPath top = ObjectPath.of(Kind.TEAM, "t" + file);
      // some files define nothing (a document without a name), some a few hundred names
      int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(300);
      for (int i = 0; i < count; i++) {
        ObjectPath path = i == 0 ? top : top.item("columns", "c" + i);
        SourceLocation at = new SourceLocation(name, i + 1, 1 + random.nextInt(9));
        builder.add(path, at);
        all.add(new Definition(path, at));
      }
      files.add(builder.build());
    }

    Definitions joined = Definitions.join(files);

    assertThat(joined).hasSize(all.size()).containsExactlyElementsOf(all);
    assertThat(joined.topLevel())
        .containsExactlyElementsOf(all.stream().filter(d -> d.path().size() == 2).toList())
        .hasSize((int) files.stream().filter(f -> !f.isEmpty()).count());
    for (int i = 0; i < all.size(); i++) {
      assertThat(joined.get(i)).isEqualTo(all.get(i));
    }
    assertThatThrownBy(() -> joined.get(all.size())).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(Definitions.join(List.of(Definitions.empty(), Definitions.empty()))).isEmpty();
  }

  @Test
  void definitionsInAnotherFileKeepTheirPathsLinesAndColumns() {
    Definitions.Builder builder = new Definitions.Builder();
    builder.add(CRM, new SourceLocation("crm.yaml", 1, 1));
    builder.add(CRM.item("datasets", "customers"), new SourceLocation("crm.yaml", 5, 7));
    Definitions packed = Definitions.join(List.of(builder.build(), builder.build()));

    Definitions renamed = packed.inFile("teams/crm.yaml");

    assertThat(renamed).hasSameSizeAs(packed);
    for (int i = 0; i < packed.size(); i++) {
      SourceLocation was = packed.get(i).location();
      assertThat(renamed.get(i).path()).isEqualTo(packed.get(i).path());
      assertThat(renamed.get(i).location())
          .isEqualTo(new SourceLocation("teams/crm.yaml", was.line(), was.column()));
    }
    assertThat(packed.get(1).location().file()).isEqualTo("crm.yaml");
  }

  @Test
  void aPackedListCannotBeChanged() {
    Definitions packed =
        Definitions.of(List.of(new Definition(CRM, new SourceLocation("crm.yaml", 1, 1))));

    assertThatThrownBy(() -> packed.add(packed.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> packed.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }
}
