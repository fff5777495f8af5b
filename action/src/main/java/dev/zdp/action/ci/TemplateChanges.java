package dev.zdp.action.ci;

import dev.zdp.action.engine.UserTemplates;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Whether a change touches the model's {@code templates/} directory. */
final class TemplateChanges {

  private TemplateChanges() {}

  static boolean between(Path model, String base, String head) {
    Path absolute = model.toAbsolutePath().normalize();
    try (Repository repository =
        new FileRepositoryBuilder().findGitDir(absolute.toFile()).setMustExist(true).build()) {
      File workTree = repository.getWorkTree();
      String relative = workTree.toPath().toRealPath().relativize(absolute.toRealPath()).toString();
      String directory =
          (relative.isEmpty() ? "" : relative.replace('\\', '/') + "/") + UserTemplates.DIRECTORY;
      ObjectId baseId = repository.resolve(base + "^{commit}");
      ObjectId headId = repository.resolve(head + "^{commit}");
      try (RevWalk walk = new RevWalk(repository);
          TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(walk.parseCommit(baseId).getTree());
        tree.addTree(walk.parseCommit(headId).getTree());
        tree.setRecursive(true);
        tree.setFilter(AndTreeFilter.create(PathFilter.create(directory), TreeFilter.ANY_DIFF));
        return tree.next();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
