package dev.zdp.action.deploy;

import java.io.PrintWriter;
import java.util.UUID;

/**
 * Folded sections of a CI log: GitHub's {@code ::group::} / {@code ::endgroup::} (with workflow
 * commands stopped inside, so a tool's output cannot issue any), or GitLab's collapsed {@code
 * section_start} / {@code section_end} markers.
 */
public interface LogFolds {

  void open(PrintWriter log, String name);

  void close(PrintWriter log, String name);

  /** No folds: a terminal or a scheduler's log, where every line is shown as it comes. */
  static LogFolds none() {
    return new LogFolds() {
      @Override
      public void open(PrintWriter log, String name) {}

      @Override
      public void close(PrintWriter log, String name) {}
    };
  }

  static LogFolds github() {
    return new LogFolds() {
      private String token = "";

      @Override
      public void open(PrintWriter log, String name) {
        token = "zdp-" + UUID.randomUUID();
        log.println("::group::" + name.replace("\n", " "));
        log.println("::stop-commands::" + token);
        log.flush();
      }

      @Override
      public void close(PrintWriter log, String name) {
        log.println("::" + token + "::");
        log.println("::endgroup::");
        log.flush();
      }
    };
  }

  static LogFolds gitlab() {
    return new LogFolds() {
      @Override
      public void open(PrintWriter log, String name) {
        log.print(
            "\u001b[0Ksection_start:"
                + System.currentTimeMillis() / 1000
                + ":"
                + id(name)
                + "[collapsed=true]\r\u001b[0K"
                + name
                + "\n");
        log.flush();
      }

      @Override
      public void close(PrintWriter log, String name) {
        log.print(
            "\u001b[0Ksection_end:"
                + System.currentTimeMillis() / 1000
                + ":"
                + id(name)
                + "\r\u001b[0K\n");
        log.flush();
      }

      private String id(String name) {
        return "zdp_" + name.replaceAll("[^A-Za-z0-9_]", "_");
      }
    };
  }
}
