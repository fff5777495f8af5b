package dev.zdp.action.status;

import dev.zdp.model.Secrets;
import java.util.Comparator;

/**
 * One thing about a running platform that is not as the model says.
 *
 * @param platform the platform's name
 * @param kind {@code unreachable}, {@code health}, {@code stale} or {@code drift}
 * @param object what it is about: {@code connector zero-crm-source}, {@code connect <url>}
 * @param problem what is wrong; a secret's value never appears (values shown are masked)
 * @param fix what to do, with the call or command that does it
 */
public record Finding(String platform, String kind, String object, String problem, String fix)
    implements Comparable<Finding> {

  public static final String UNREACHABLE = "unreachable";
  static final String HEALTH = "health";
  public static final String DRIFT = "drift";
  static final String STALE = "stale";

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::platform)
          .thenComparing(Finding::object)
          .thenComparing(Finding::kind)
          .thenComparing(Finding::problem);

  public Finding {
    problem = Secrets.mask(problem);
    fix = Secrets.mask(fix);
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
