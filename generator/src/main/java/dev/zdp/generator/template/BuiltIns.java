package dev.zdp.generator.template;

import com.hubspot.jinjava.util.ObjectTruthValue;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.core.CoreExtension;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperatorImpl;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.Pair;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Renders zdp's built-in templates (never a user's) with Pebble, about five times faster than
 * Jinjava, to the same bytes: the same template text after {@link
 * TemplateEngine#standaloneTagsOwnTheirLine}, the same quoting filters ({@link Filters#QUOTING}),
 * Jinja's truth of a value in {@code if}, {@code and}, {@code or} and {@code not} (Jinjava's own
 * {@link ObjectTruthValue}), no escaping, no newline trimming, strict variables. {@code
 * BuiltInsGoldenTest} renders every built-in template both ways and compares the bytes.
 *
 * <p>Whatever Pebble cannot render (an unknown name, a value of a kind Pebble handles otherwise) is
 * rendered by Jinjava instead, so errors read the same whichever engine ran. Thread-safe: one
 * engine and one parsed template per name for the whole process.
 */
final class BuiltIns {

  private BuiltIns() {}

  private static final class Holder {
    static final PebbleEngine ENGINE =
        new PebbleEngine.Builder()
            .loader(new StringLoader())
            .autoEscaping(false)
            .newLineTrimming(false)
            .strictVariables(true)
            .cacheActive(false)
            .allowOverrideCoreOperators(true)
            .extension(new JinjaSemantics())
            .build();
  }

  private static final Map<String, PebbleTemplate> PARSED = new ConcurrentHashMap<>();

  /** The built-in template rendered with Pebble; empty when Pebble cannot render it. */
  static Optional<String> render(String name, Map<String, ?> variables) {
    try {
      return Optional.of(renderOrFail(name, variables));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The built-in template rendered with Pebble; fails where {@link #render} gives up. */
  @SuppressWarnings("unchecked")
  static String renderOrFail(String name, Map<String, ?> variables) throws IOException {
    PebbleTemplate template = PARSED.computeIfAbsent(name, BuiltIns::parse);
    StringWriter out = new StringWriter(8192);
    template.evaluate(out, (Map<String, Object>) variables);
    return out.toString();
  }

  private static PebbleTemplate parse(String name) {
    String source =
        TemplateEngine.builtIn(name)
            .orElseThrow(() -> new TemplateException(name, 0, "there is no template of that name"));
    return Holder.ENGINE.getTemplate(TemplateEngine.standaloneTagsOwnTheirLine(source));
  }

  /** Jinja's truth of a value: false for null, false, zero, and an empty text or collection. */
  private static boolean truthy(Object value) {
    return ObjectTruthValue.evaluate(value);
  }

  /** zdp's filters, and Jinja's truth in conditions and logical operators. */
  private static final class JinjaSemantics extends AbstractExtension {

    @Override
    public Map<String, Filter> getFilters() {
      return Filters.QUOTING.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> new Quoted(e.getValue())));
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
      return List.of(binary("and", And::new), binary("or", Or::new));
    }

    @Override
    public List<UnaryOperator> getUnaryOperators() {
      int precedence =
          new CoreExtension()
              .getUnaryOperators().stream()
                  .filter(o -> o.getSymbol().equals("not"))
                  .findFirst()
                  .orElseThrow()
                  .getPrecedence();
      return List.of(new UnaryOperatorImpl("not", precedence, Not.class));
    }

    /** Pebble's operator of that symbol (its precedence), evaluated with Jinja's truth. */
    private static BinaryOperator binary(
        String symbol, Supplier<? extends BinaryExpression<?>> expression) {
      BinaryOperator core =
          new CoreExtension()
              .getBinaryOperators().stream()
                  .filter(o -> o.getSymbol().equals(symbol))
                  .findFirst()
                  .orElseThrow();
      return new BinaryOperatorImpl(
          symbol,
          core.getPrecedence(),
          expression,
          BinaryOperatorType.NORMAL,
          core.getAssociativity());
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
      return List.of(template -> new TruthyConditions((PebbleTemplateImpl) template));
    }
  }

  private record Quoted(Filters.Quoting quoting) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int lineNumber) {
      return quoting.quote(input);
    }
  }

  /** Every condition of an {@code if} taken by Jinja's truth (Pebble's own wants a boolean). */
  private static final class TruthyConditions extends AbstractNodeVisitor {
    TruthyConditions(PebbleTemplateImpl template) {
      super(template);
    }

    @Override
    public void visit(IfNode node) {
      List<Pair<Expression<?>, BodyNode>> branches = node.getConditionsWithBodies();
      for (int i = 0; i < branches.size(); i++) {
        Pair<Expression<?>, BodyNode> branch = branches.get(i);
        branches.set(i, new Pair<>(new Truth(branch.getLeft()), branch.getRight()));
      }
      super.visit(node);
    }
  }

  private record Truth(Expression<?> expression) implements Expression<Boolean> {
    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return truthy(expression.evaluate(self, context));
    }

    @Override
    public int getLineNumber() {
      return expression.getLineNumber();
    }

    @Override
    public void accept(NodeVisitor visitor) {
      expression.accept(visitor);
    }
  }

  /** Jinja's {@code and} in a condition. */
  private static final class And extends BinaryExpression<Boolean> {
    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return truthy(getLeftExpression().evaluate(self, context))
          && truthy(getRightExpression().evaluate(self, context));
    }
  }

  /** Jinja's {@code or} in a condition. */
  private static final class Or extends BinaryExpression<Boolean> {
    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return truthy(getLeftExpression().evaluate(self, context))
          || truthy(getRightExpression().evaluate(self, context));
    }
  }

  /** Jinja's {@code not}; public, as Pebble makes one by reflection. */
  public static final class Not extends UnaryExpression {
    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return !truthy(getChildExpression().evaluate(self, context));
    }
  }
}
