package dev.zdp.model.platform.zero;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Zero's generated SQL lives inside a platform's output directory ({@code
 * <out>/<platform>/}), with {@code /} between names: a dataset's live MERGE job {@code
 * merge/<datastore>/<dataset>.sql}, its forensic one {@code
 * merge/<datastore>/<dataset>.forensic.sql}, a datastore's staging DDL {@code
 * staging/<datastore>.sql}. The renderer builds these paths here, and the planner and the sandbox
 * read them back here, so the layout is written down once.
 */
public final class ZeroLayout {

  /** The directory of the MERGE jobs, inside the platform's directory. */
  public static final String MERGE = "merge";

  /** The directory of the staging DDL, inside the platform's directory. */
  public static final String STAGING = "staging";

  private static final Pattern MERGE_JOB =
      Pattern.compile(MERGE + "/([^/]+)/([^/]+?)(\\.forensic)?\\.sql");
  private static final Pattern STAGING_DDL = Pattern.compile(STAGING + "/([^/]+)\\.sql");

  private ZeroLayout() {}

  /** A MERGE job read back from its path. */
  public record MergeJob(String datastore, String dataset, boolean forensic) {}

  /** {@code merge/<datastore>/<dataset>.sql}, or {@code ...<dataset>.forensic.sql}. */
  public static String mergeJob(String datastore, String dataset, boolean forensic) {
    return MERGE + "/" + datastore + "/" + dataset + (forensic ? ".forensic.sql" : ".sql");
  }

  /** {@code staging/<datastore>.sql}. */
  public static String stagingDdl(String datastore) {
    return STAGING + "/" + datastore + ".sql";
  }

  /** The MERGE job at {@code path} (inside the platform's directory), if it is one. */
  public static Optional<MergeJob> readMergeJob(String path) {
    Matcher m = MERGE_JOB.matcher(path);
    return m.matches()
        ? Optional.of(new MergeJob(m.group(1), m.group(2), m.group(3) != null))
        : Optional.empty();
  }

  /** The datastore whose staging DDL is at {@code path} (inside the platform's directory). */
  public static Optional<String> readStagingDdl(String path) {
    Matcher m = STAGING_DDL.matcher(path);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
