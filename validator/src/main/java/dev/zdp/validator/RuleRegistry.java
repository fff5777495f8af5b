package dev.zdp.validator;

import dev.zdp.validator.rules.capture.CaptureFormat;
import dev.zdp.validator.rules.classification.DatasetClassification;
import dev.zdp.validator.rules.declarations.SingleEcosystem;
import dev.zdp.validator.rules.declarations.TeamDeclaration;
import dev.zdp.validator.rules.declarations.ZoneDeclaration;
import dev.zdp.validator.rules.deprecation.DeprecatedSink;
import dev.zdp.validator.rules.naming.DuplicateName;
import dev.zdp.validator.rules.naming.NameFormat;
import dev.zdp.validator.rules.platform.PlatformEndpoints;
import dev.zdp.validator.rules.platform.PlatformRequirements;
import dev.zdp.validator.rules.platform.zero.ZeroCaptureType;
import dev.zdp.validator.rules.platform.zero.ZeroColumnTypes;
import dev.zdp.validator.rules.platform.zero.ZeroNameCollision;
import dev.zdp.validator.rules.platform.zero.ZeroTopicNames;
import dev.zdp.validator.rules.policy.ClassificationPolicy;
import dev.zdp.validator.rules.policy.PlatformPolicy;
import dev.zdp.validator.rules.production.ProductionDependency;
import dev.zdp.validator.rules.references.PlatformReference;
import dev.zdp.validator.rules.references.SinkReference;
import dev.zdp.validator.rules.references.TeamReference;
import dev.zdp.validator.rules.references.ZoneReference;
import dev.zdp.validator.rules.schema.PrimaryKey;
import dev.zdp.validator.rules.secrets.CredentialName;
import dev.zdp.validator.rules.secrets.SecretInText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one explicit list of rules zdp runs. A new rule is added to {@link #builtIn()}, and nowhere
 * else; ids are unique.
 */
public final class RuleRegistry {

  private final Map<String, Rule> rules;

  public RuleRegistry(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Rule previous = byId.putIfAbsent(rule.id(), rule);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two rules share the id '"
                + rule.id()
                + "': "
                + previous.getClass().getName()
                + " and "
                + rule.getClass().getName());
      }
    }
    this.rules = java.util.Collections.unmodifiableMap(byId);
  }

  /** Every rule zdp ships, in the order they run. */
  public static RuleRegistry builtIn() {
    return new RuleRegistry(
        List.of(
            new SingleEcosystem(),
            new ZoneDeclaration(),
            new TeamDeclaration(),
            new NameFormat(),
            new DuplicateName(),
            new ZoneReference(),
            new TeamReference(),
            new SinkReference(),
            new PlatformReference(),
            new PrimaryKey(),
            new DatasetClassification(),
            new ClassificationPolicy(),
            new PlatformRequirements(),
            new PlatformEndpoints(),
            new PlatformPolicy(),
            new ProductionDependency(),
            new DeprecatedSink(),
            new CaptureFormat(),
            new CredentialName(),
            new SecretInText(),
            new ZeroCaptureType(),
            new ZeroColumnTypes(),
            new ZeroTopicNames(),
            new ZeroNameCollision()));
  }

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }
}
