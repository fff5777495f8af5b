package dev.zdp.generator.template;

import com.hubspot.jinjava.util.ObjectTruthValue;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.core.CoreExtension;
import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.TextNode;
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
import java.io.Writer;
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

  /** Each thread's output buffer, kept from one render to the next. */
  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

  /** The built-in template rendered with Pebble; fails where {@link #render} gives up. */
  @SuppressWarnings("unchecked")
  static String renderOrFail(String name, Map<String, ?> variables) throws IOException {
    PebbleTemplate template = PARSED.computeIfAbsent(name, BuiltIns::parse);
    Output out = OUTPUT.get();
    out.start();
    template.evaluate(out, (Map<String, Object>) variables);
    return out.finish();
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
    public List<AttributeResolver> getAttributeResolver() {
      return List.of(new MapAttributes());
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
      return List.of(
          template -> new TruthyConditions((PebbleTemplateImpl) template),
          template -> new TextAsStrings((PebbleTemplateImpl) template));
    }
  }

  /**
   * {@code map.key} in one lookup of the map for a key it has: Pebble's own resolver first looks
   * the map's class up in its cache of members, then asks the map whether it has the key, then for
   * its value. A key the map does not have is left to Pebble's resolver, which fails the render
   * under strict variables as before.
   */
  private static final class MapAttributes implements AttributeResolver {
    @Override
    public ResolvedAttribute resolve(
        Object instance,
        Object attribute,
        Object[] arguments,
        ArgumentsNode argumentsNode,
        EvaluationContextImpl context,
        String filename,
        int lineNumber) {
      if (arguments != null
          || !(instance instanceof Map<?, ?> map)
          || !(attribute instanceof String)) {
        return null;
      }
      Object value = map.get(attribute);
      return value != null || map.containsKey(attribute) ? new ResolvedAttribute(value) : null;
    }
  }

  /**
   * Where a render writes: a {@link StringBuilder} without {@link java.io.StringWriter}'s lock,
   * emptied and reused by the thread's next render (most files are alike in size, so it rarely
   * grows). Pebble writes printed values through {@link SpecializedWriter}.
   */
  private static final class Output extends Writer implements SpecializedWriter {
    /** A buffer grown past this (the DAG file of a large model) is not kept for the next render. */
    private static final int KEPT = 1 << 20;

    private StringBuilder text = new StringBuilder(1 << 15);

    void start() {
      text.setLength(0);
    }

    String finish() {
      String rendered = text.toString();
      if (text.capacity() > KEPT) {
        text = new StringBuilder(1 << 15);
      }
      return rendered;
    }

    @Override
    public void write(String value) {
      text.append(value);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void writeSpecialized(int value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(long value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(double value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(float value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(short value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(byte value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(char value) {
      text.append(value);
    }

    @Override
    public void writeSpecialized(String value) {
      text.append(value);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /**
   * A template's text between tags written as a {@link String}: Pebble's {@link TextNode} keeps it
   * as a {@code char[]}, which a buffer of one-byte characters copies a character at a time, while
   * a string of them is copied in one piece (the text is most of every file's bytes).
   */
  private static final class TextAsStrings extends AbstractNodeVisitor {
    TextAsStrings(PebbleTemplateImpl template) {
      super(template);
    }

    @Override
    public void visit(BodyNode node) {
      List<RenderableNode> children = node.getChildren();
      for (int i = 0; i < children.size(); i++) {
        if (children.get(i) instanceof TextNode text) {
          children.set(i, new Text(new String(text.getData()), text.getLineNumber()));
        }
      }
      super.visit(node);
    }
  }

  /** A template's text, written as it is. */
  private static final class Text extends AbstractRenderableNode {
    private final String text;

    Text(String text, int lineNumber) {
      super(lineNumber);
      this.text = text;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context)
        throws IOException {
      writer.write(text);
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
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
