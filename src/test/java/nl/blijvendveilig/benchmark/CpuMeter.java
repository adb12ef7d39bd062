package nl.blijvendveilig.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds spent by this JVM and by the PostgreSQL server (its postmaster and every backend, on
 * Linux from /proc), so a figure can be read per CPU second too: on a machine shared with other work
 * the wall-clock rates move with the load, the CPU cost per lifecycle much less.
 */
final class CpuMeter {

  private static final double TICKS = 100.0; // USER_HZ on Linux

  private final long postmaster;

  private CpuMeter(long postmaster) {
    this.postmaster = postmaster;
  }

  /** Finds the postmaster listening on this port (embedded server); without one only the JVM is measured. */
  static CpuMeter of(int port) {
    long found = -1;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains("postgres") && cmdline.contains("-p " + port)) {
            found = Long.parseLong(p.getFileName().toString());
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // not Linux
    }
    return new CpuMeter(found);
  }

  record Reading(double jvm, double database) {
    double total() {
      return jvm + database;
    }

    Reading minus(Reading earlier) {
      return new Reading(jvm - earlier.jvm, database - earlier.database);
    }
  }

  Reading read() {
    double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    return new Reading(jvm, postmaster < 0 ? 0 : database());
  }

  boolean measuresDatabase() {
    return postmaster >= 0;
  }

  private double database() {
    double seconds = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(p.getFileName().toString());
          long ppid = Long.parseLong(f[1]);
          if (pid == postmaster) {
            // its own time plus that of the backends it has reaped
            seconds += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                / TICKS;
          } else if (ppid == postmaster) {
            seconds += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return seconds;
  }

  /** The load of the whole machine, as a reminder of what else ran. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    } catch (IOException e) {
      return "?";
    }
  }
}
