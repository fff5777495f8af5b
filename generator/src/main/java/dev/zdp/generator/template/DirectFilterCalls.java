package dev.zdp.generator.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Calls zdp's own quoting filters ({@code |hcl}, {@code |sql_ident}, ...) directly. Jinjava turns
 * {@code x|sql_ident} into a method call on the filter object, which its bean resolver looks up by
 * reflection on every call: the largest single cost of rendering thousands of MERGE jobs. Every
 * other lookup and call goes to Jinjava's own resolver unchanged.
 */
final class DirectFilterCalls extends ELResolver {

  private DirectFilterCalls() {}

  /** This resolver in front of Jinjava's. */
  static ELResolver before(ELResolver jinjava) {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new DirectFilterCalls());
    resolver.add(jinjava);
    return resolver;
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base instanceof Filters.QuotingFilter filter
        && "filter".equals(method)
        && withoutArguments(params)) {
      context.setPropertyResolved(true);
      return filter.quote(params[0]);
    }
    return null;
  }

  /**
   * True for the parameters of {@code value|filter}: the value and the interpreter, followed (as
   * Jinjava passes them) by empty positional and named arguments.
   */
  private static boolean withoutArguments(Object[] params) {
    if (params == null || params.length < 2 || !(params[1] instanceof JinjavaInterpreter)) {
      return false;
    }
    return params.length == 2
        || (params.length == 4
            && params[2] instanceof Object[] positional
            && positional.length == 0
            && params[3] instanceof Map<?, ?> named
            && named.isEmpty());
  }

  /**
   * Before calling a method, Jinjava looks it up as a property of the same name (a macro would be
   * one); on a quoting filter the bean resolver's search for a property {@code filter} finds none,
   * at a tenth of a render's cost. Answer it here: no such property.
   */
  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base instanceof Filters.QuotingFilter && "filter".equals(property)) {
      context.setPropertyResolved(true);
    }
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {}

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return Collections.emptyIterator();
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}
