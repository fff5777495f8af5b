package dev.zdp.validator.change;

import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;

/** A datastore as it is in the base and as it is in the head (possibly unchanged). */
public record DatastoreChange(Datastore before, Datastore after) {

  public String name() {
    return after.name();
  }

  public ObjectPath path() {
    return ObjectPath.of(Kind.DATASTORE, after.name());
  }
}
