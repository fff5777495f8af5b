package dev.zdp.catalog;

/** The site cannot be written where asked; the message says why and what to do. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CatalogException(String message) {
    super(message);
  }
}
