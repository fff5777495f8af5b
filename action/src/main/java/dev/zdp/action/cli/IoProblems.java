package dev.zdp.action.cli;

import dev.zdp.generator.OutputLock;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What went wrong with a file, in words: never a Java class name. */
final class IoProblems {

  private IoProblems() {}

  static String describe(IOException e) {
    if (e instanceof OutputLock.Locked) {
      return e.getMessage();
    }
    if (e instanceof FileSystemException fs) {
      String file = fs.getFile() == null ? "" : " ('" + fs.getFile() + "')";
      if (e instanceof AccessDeniedException) {
        return "permission denied" + file;
      }
      if (e instanceof NoSuchFileException) {
        return "no such file or directory" + file;
      }
      if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
        return "a file is in the way of a directory" + file;
      }
      if (e instanceof DirectoryNotEmptyException) {
        return "a non-empty directory is in the way of a file" + file;
      }
      return (fs.getReason() == null ? "cannot be written" : fs.getReason()) + file;
    }
    return e.getMessage() == null || e.getMessage().isBlank()
        ? "input/output error"
        : e.getMessage();
  }
}
