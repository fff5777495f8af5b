package dev.zdp.action.cli;

import java.lang.management.ManagementFactory;

/** The CPU time this process has used so far, for {@code --verbose} timings on a busy machine. */
final class ProcessCpu {

  private ProcessCpu() {}

  /** Nanoseconds of CPU (all threads, user and system), or 0 where the JVM cannot tell. */
  static long nanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }
}
