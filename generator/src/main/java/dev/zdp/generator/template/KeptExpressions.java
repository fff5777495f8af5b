package dev.zdp.generator.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaELContext;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.HashMap;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ValueExpression;

/**
 * The expressions of one engine's templates, each made once and evaluated again by every later
 * render. Jinjava makes an expression anew each time a {@code {{ }}} or a tag is rendered: it trims
 * and wraps the text, looks the parsed tree up by that new string (hashing it) and binds it, a
 * third of what evaluating a simple expression costs. The text an expression is kept by is the one
 * the parsed template holds, so looking it up again costs little. Not thread-safe: one per engine.
 *
 * <p>Only an expression whose text calls nothing (no {@code (}) is kept: binding looks the names of
 * functions up, a macro's among them, and a macro defined in one render is not in the next. Names,
 * properties and argument-less filters ({@code x.y|sql_ident}) are looked up when the expression is
 * evaluated, in the render's own context, so a kept one is as good as a new one. Whatever does not
 * go smoothly (a text that does not parse, an evaluation that throws, a result Jinjava refuses) is
 * left to Jinjava's own path, which reports it as it always does.
 */
final class KeptExpressions {

  /** Far above the expressions of any set of templates; a bound on what text can make. */
  private static final int KEPT_AT_MOST = 10_000;

  private final Jinjava jinjava;
  private final Map<String, ValueExpression> kept = new HashMap<>();

  KeptExpressions(Jinjava jinjava) {
    this.jinjava = jinjava;
  }

  /** An interpreter for one render that evaluates the kept expressions. */
  JinjavaInterpreter interpreter(Context context, JinjavaConfig config) {
    return new Interpreter(context, config);
  }

  private final class Interpreter extends JinjavaInterpreter {
    private ELContext elContext;

    Interpreter(Context context, JinjavaConfig config) {
      super(jinjava, context, config);
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
      ValueExpression known = kept.get(expression);
      if (known == null) {
        known = make(expression);
        if (known == null) {
          return super.resolveELExpression(expression, lineNumber);
        }
      }
      setLineNumber(lineNumber);
      Object value;
      try {
        value = getConfig().getObjectUnwrapper().unwrapObject(known.getValue(elContext()));
      } catch (RuntimeException e) {
        return super.resolveELExpression(expression, lineNumber);
      }
      return value instanceof NamedParameter
          ? super.resolveELExpression(expression, lineNumber)
          : value;
    }

    private ValueExpression make(String expression) {
      if (expression.indexOf('(') >= 0 || expression.isBlank() || kept.size() >= KEPT_AT_MOST) {
        return null;
      }
      ValueExpression made;
      try {
        made =
            jinjava
                .getExpressionFactory()
                .createValueExpression(elContext(), "#{" + expression.trim() + "}", Object.class);
      } catch (RuntimeException e) {
        return null;
      }
      kept.put(expression, made);
      return made;
    }

    private ELContext elContext() {
      if (elContext == null) {
        elContext = new JinjavaELContext(this, new JinjavaInterpreterResolver(this));
      }
      return elContext;
    }
  }
}
