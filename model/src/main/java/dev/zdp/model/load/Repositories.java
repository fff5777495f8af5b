package dev.zdp.model.load;

import dev.zdp.model.Declaration;
import dev.zdp.model.RepositoryRef;
import java.util.List;
import java.util.Optional;

/** Reads repository references and the declarations that carry them. */
final class Repositories {

  private Repositories() {}

  static Optional<RepositoryRef> required(Fields fields, String key, Binding binding) {
    String text = fields.requiredText(key);
    if (text == null) {
      return Optional.empty();
    }
    Optional<RepositoryRef> ref = RepositoryRef.parse(text);
    if (ref.isEmpty()) {
      EcosystemBinder.badRepository(
          fields, key, RepositoryRef.explain(text).orElse("not a repository"), binding);
      fields.fail();
    }
    return ref;
  }

  /** A list of {@code {name, repository}} declarations; a bad one is reported and dropped. */
  static List<Declaration> declarations(
      Fields parent, String key, String childWord, Binding binding) {
    return parent.mapList(
        key,
        (node, index) -> {
          Optional<Fields> element =
              Fields.namedElement(node, parent.path(), key, index, childWord, binding);
          if (element.isEmpty()) {
            return Optional.empty();
          }
          Fields fields = element.get();
          Optional<RepositoryRef> repository = required(fields, "repository", binding);
          fields.finish();
          if (repository.isEmpty() || fields.failed()) {
            return Optional.empty();
          }
          return Optional.of(new Declaration(fields.name(), repository.get()));
        },
        "a " + childWord + " declaration");
  }
}
