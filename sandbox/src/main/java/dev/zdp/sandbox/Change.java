package dev.zdp.sandbox;

/** What applying one resource (a topic, a connector) did to the running stack. */
public enum Change {
  /** It did not exist and was created. */
  CREATED,
  /** It existed with other settings and was changed in place. */
  UPDATED,
  /** It existed with settings that cannot change in place: deleted and created again. */
  RECREATED,
  /** It existed exactly as desired: nothing was sent. */
  UNCHANGED,
  /** It was applied earlier and is no longer generated: deleted. */
  DELETED
}
