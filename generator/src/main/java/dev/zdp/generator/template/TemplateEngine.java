package dev.zdp.generator.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.InvalidInputException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.tree.Node;
import dev.zdp.model.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders Jinjava templates kept as classpath resources under {@code templates/}, each of which a
 * user's {@code templates/} directory (in the model repository) overrides by name: {@code
 * zero/datastore.tf.j2} is read from {@code <userTemplates>/zero/datastore.tf.j2} when that file
 * exists.
 *
 * <p>Rendering is strict: an unknown variable, or an unknown field of a value handed to the
 * template as a {@link StrictMap}, fails the render with the template's name and line, including
 * inside {@code if} and {@code for}. Not thread-safe: use one engine per thread.
 */
public final class TemplateEngine {

  private static final String CLASSPATH_ROOT = "templates/";

  /** Jinjava's default resolver, with zdp's filters called directly in front of it. */
  private static final jinjava.javax.el.ELResolver RESOLVER =
      DirectFilterCalls.before(JinjavaConfig.newBuilder().build().getElResolver());

  private final Optional<Path> userTemplates;
  private final JinjavaConfig config;
  private final Jinjava jinjava;

  /**
   * The global context with its filters, tags and functions, built once: Jinjava's own {@code
   * renderForResult} builds it again for every render (a seventh of a render in the profile, and
   * parsing the template text another seventh).
   */
  private final Context globals;

  /**
   * Template texts by name, read once per engine: a render reads the same few thousands of times.
   */
  private final Map<String, String> sources = new HashMap<>();

  /** The templates' expressions, made once: every render of a template evaluates the same. */
  private final KeptExpressions expressions;

  /** Whether the user's directory overrides a template, by name, looked up once. */
  private final Map<String, Boolean> overriddenByName = new HashMap<>();

  /** Templates parsed once, by name: the same tree renders every file of its kind. */
  private final Map<String, Parsed> parsed = new HashMap<>();

  /**
   * A template after {@link #standaloneTagsOwnTheirLine}, parsed, with the errors parsing found.
   */
  private record Parsed(String source, Node root, List<TemplateError> errors) {}

  public TemplateEngine(Optional<Path> userTemplates) {
    this.userTemplates = Objects.requireNonNull(userTemplates, "userTemplates");
    this.config =
        JinjavaConfig.newBuilder()
            .withTrimBlocks(false)
            .withLstripBlocks(false)
            .withKeepTrailingNewline(true)
            .withFailOnUnknownTokens(false)
            // a value from the model (a description, a name) is text: Jinjava would otherwise
            // render one holding "{{" or "{%" again as a template
            .withNestedInterpretationEnabled(false)
            .withElResolver(RESOLVER)
            .build();
    this.jinjava = new Jinjava(config);
    Filters.all().forEach(f -> jinjava.getGlobalContext().registerFilter(f));
    jinjava.setResourceLocator(new Locator());
    jinjava
        .getGlobalContext()
        .setDynamicVariableResolver(
            name -> {
              JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
              UnknownNames.record(
                  new UnknownNames.Unknown(
                      "variable",
                      name,
                      interpreter == null ? List.of() : interpreter.getContext().keySet(),
                      interpreter == null ? 0 : interpreter.getLineNumber()));
              return null;
            });
    this.globals = jinjava.getGlobalContextCopy();
    this.expressions = new KeptExpressions(jinjava);
  }

  /** The built-in text of a template, e.g. {@code zero/versions.tf.j2}, if there is one. */
  public static Optional<String> builtIn(String name) {
    if (!safe(name)) {
      return Optional.empty();
    }
    try (InputStream in =
        TemplateEngine.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when two users' template directories hold the same files with the same bytes (a missing
   * directory holds none), so that both render every template alike.
   */
  public static boolean sameFiles(Optional<Path> one, Optional<Path> other) {
    return files(one).equals(files(other));
  }

  /** Every regular file under the directory: relative path to its bytes, as text. */
  private static Map<String, String> files(Optional<Path> directory) {
    Map<String, String> files = new TreeMap<>();
    if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
      return files;
    }
    Path root = directory.get();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(file).toString(),
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** True when the user's directory holds its own version of the template. */
  public boolean overridden(String name) {
    return userFile(name).isPresent();
  }

  /** The template's text: the user's version if there is one, else the built-in one. */
  public String source(String name) {
    String known = sources.get(name);
    if (known == null) {
      known = read(name);
      sources.put(name, known);
    }
    return known;
  }

  private String read(String name) {
    Optional<Path> user = userFile(name);
    if (user.isPresent()) {
      try {
        return Files.readString(user.get(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new TemplateException(name, 0, "cannot read " + user.get() + ": " + e.getMessage());
      }
    }
    return builtIn(name)
        .orElseThrow(() -> new TemplateException(name, 0, "there is no template of that name"));
  }

  /**
   * Renders a template with the given top-level variables: a built-in one with Pebble ({@link
   * BuiltIns}, the same bytes, faster), a user's with Jinjava.
   *
   * @throws TemplateException naming the template and line of the first problem
   */
  public String render(String name, Map<String, ?> variables) {
    if (!overriddenByName.computeIfAbsent(name, this::overridden)) {
      Optional<String> rendered = BuiltIns.render(name, variables);
      if (rendered.isPresent()) {
        return rendered.get();
      }
    }
    return renderWithJinjava(name, variables);
  }

  /** Renders with Jinjava: users' templates, and what {@link BuiltIns} cannot render. */
  String renderWithJinjava(String name, Map<String, ?> variables) {
    Parsed template = parsed.computeIfAbsent(name, this::parse);
    String source = template.source();
    Context context = new RenderContext(globals, variables, config.getDisabled());
    JinjavaInterpreter interpreter = expressions.interpreter(context, config);
    List<TemplateError> errors = new ArrayList<>();
    String output = "";
    List<UnknownNames.Unknown> unknowns;
    JinjavaInterpreter.pushCurrent(interpreter);
    UnknownNames.start();
    try {
      output = interpreter.render(template.root(), true);
    } catch (TemplateSyntaxException e) {
      errors.add(TemplateError.fromException(e));
    } catch (InterpretException e) {
      errors.add(TemplateError.fromSyntaxError(e));
    } catch (InvalidArgumentException e) {
      errors.add(TemplateError.fromInvalidArgumentException(e));
    } catch (InvalidInputException e) {
      errors.add(TemplateError.fromInvalidInputException(e));
    } catch (RuntimeException e) {
      errors.add(TemplateError.fromException(e));
    } finally {
      unknowns = UnknownNames.finish();
      JinjavaInterpreter.popCurrent();
      globals.reset();
    }
    errors.addAll(template.errors());
    errors.addAll(interpreter.getErrorsCopy());
    Optional<UnknownNames.Unknown> first =
        unknowns.stream().min(Comparator.comparingInt(UnknownNames.Unknown::line));
    if (first.isPresent()) {
      UnknownNames.Unknown unknown = first.get();
      int line = lineMentioning(source, unknown.name(), unknown.line());
      String hint =
          Suggestions.nearest(unknown.name(), unknown.known())
              .map(n -> " (did you mean '" + n + "'?)")
              .orElse("");
      throw new TemplateException(
          name, line, "unknown " + unknown.what() + " '" + unknown.name() + "'" + hint);
    }
    Optional<TemplateError> error =
        errors.stream().min(Comparator.comparingInt(TemplateError::getLineno));
    if (error.isPresent()) {
      throw new TemplateException(name, error.get().getLineno(), error.get().getMessage());
    }
    return output;
  }

  /** Reads and parses a template; the errors of parsing are reported by every render of it. */
  private Parsed parse(String name) {
    String source = standaloneTagsOwnTheirLine(source(name));
    JinjavaInterpreter interpreter =
        new JinjavaInterpreter(
            jinjava, new Context(globals, Map.of(), config.getDisabled()), config);
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      Node root = interpreter.parse(source);
      return new Parsed(source, root, interpreter.getErrorsCopy());
    } finally {
      JinjavaInterpreter.popCurrent();
      globals.reset();
    }
  }

  private static final Pattern STANDALONE_TAG =
      Pattern.compile("([ \\t]*)(\\{%-?|\\{#)((?:(?!%\\}|#\\}).)*?)[ \\t]*(-?%\\}|#\\})[ \\t]*");

  /**
   * Makes a line that holds nothing but one block tag or comment disappear from the output, as
   * Jinja's {@code trim_blocks} and {@code lstrip_blocks} would, by moving the line's indentation
   * and newline inside the tag. Unlike those options (whose line numbers Jinjava miscounts), this
   * keeps every line where it was, so errors point at the right line.
   */
  static String standaloneTagsOwnTheirLine(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder(source.length());
    for (int i = 0; i < lines.length; i++) {
      boolean last = i == lines.length - 1;
      Matcher tag = STANDALONE_TAG.matcher(lines[i]);
      if (!last && tag.matches()) {
        out.append(tag.group(2))
            .append(tag.group(1))
            .append(tag.group(3))
            .append('\n')
            .append(tag.group(4));
      } else {
        out.append(lines[i]);
        if (!last) {
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * Jinjava reports the line a tag ends on; the name was written on that line or one above it.
   * Returns the nearest line at or above {@code reported} that mentions the name.
   */
  private static int lineMentioning(String source, String name, int reported) {
    String[] lines = source.split("\n", -1);
    Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
    for (int line = Math.min(reported, lines.length); line >= 1; line--) {
      if (word.matcher(lines[line - 1]).find()) {
        return line;
      }
    }
    return reported;
  }

  private Optional<Path> userFile(String name) {
    if (userTemplates.isEmpty() || !safe(name)) {
      return Optional.empty();
    }
    Path file = userTemplates.get().resolve(name).normalize();
    return file.startsWith(userTemplates.get().normalize()) && Files.isRegularFile(file)
        ? Optional.of(file)
        : Optional.empty();
  }

  private static boolean safe(String name) {
    return !name.isEmpty()
        && !name.startsWith("/")
        && !name.contains("\\")
        && List.of(name.split("/")).stream().noneMatch(s -> s.isEmpty() || s.equals(".."));
  }

  /** Resolves {@code include} and {@code import} the same way as top-level templates. */
  private final class Locator implements ResourceLocator {
    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
        throws IOException {
      try {
        return source(fullName);
      } catch (TemplateException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
