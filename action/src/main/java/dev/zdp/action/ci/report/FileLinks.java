package dev.zdp.action.ci.report;

import dev.zdp.model.SourceLocation;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Links to a line of a model file as the forge shows it at one commit: {@code
 * https://github.com/acme/model/blob/<sha>/teams/crm.yaml#L12} or {@code
 * https://gitlab.com/acme/model/-/blob/<sha>/teams/crm.yaml#L12}.
 *
 * @param prefix everything before the file's path, ending in {@code /}
 */
public record FileLinks(String prefix) {

  public static FileLinks github(String serverUrl, String repository, String sha) {
    return new FileLinks(trim(serverUrl) + "/" + repository + "/blob/" + sha + "/");
  }

  public static FileLinks gitlab(String projectUrl, String sha) {
    return new FileLinks(trim(projectUrl) + "/-/blob/" + sha + "/");
  }

  public String to(SourceLocation at) {
    return prefix + encode(at.file()) + "#L" + at.line();
  }

  private static String encode(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      return path.replace(" ", "%20");
    }
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
