package io.lambdagateway.gateway.runtime.define;

import io.lambdagateway.gateway.runtime.FunctionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the user's functions from {@code --function} specs ({@link FunctionOption}) and
 * SAM/CloudFormation templates ({@link Template}), checks each ({@link FunctionDraft#toSpec}) and
 * refuses a name that is taken, by a built-in function or by another definition. Hosting user code
 * is opt-in: without specs or a template there are no functions. Runs at start-up, on the thread
 * that reads the configuration (zips are extracted here).
 */
public final class FunctionDefinitions {

  private static final Logger LOG = LoggerFactory.getLogger(FunctionDefinitions.class);

  private final Set<String> builtIn;
  private final Set<String> taken = new HashSet<>();
  private final List<FunctionSpec> functions = new ArrayList<>();
  private final CodeZip zips;

  /**
   * @param builtInNames the names of the gateway's own functions (the enricher's, the bench echo's)
   */
  public FunctionDefinitions(Collection<String> builtInNames, CodeZip zips) {
    this.builtIn = Set.copyOf(builtInNames);
    this.zips = zips;
  }

  /**
   * Adds the function of one {@code --function} spec; a relative code path is relative to the
   * working directory.
   *
   * @throws InvalidDefinition one line naming the function and what is wrong
   */
  public FunctionDefinitions addSpec(String spec) {
    claim(FunctionOption.parse(spec), Path.of(""), "");
    return this;
  }

  /**
   * Adds the functions of a template and logs one warning line per function about what it ignores.
   *
   * @throws InvalidDefinition one line naming the template, the function and what is wrong
   */
  public FunctionDefinitions addTemplate(Path template) {
    Template.Functions read = Template.read(template);
    Path dir = template.toAbsolutePath().getParent();
    String file = template.getFileName() + ": ";
    for (FunctionDraft draft : read.drafts()) {
      claim(draft, dir, file);
    }
    read.warnings().forEach(LOG::warn);
    return this;
  }

  /** The functions added so far, in order. */
  public List<FunctionSpec> functions() {
    return List.copyOf(functions);
  }

  private void claim(FunctionDraft draft, Path baseDir, String where) {
    if (draft.name != null && builtIn.contains(draft.name)) {
      throw new InvalidDefinition(
          where + draft.subject() + ": the name is taken by a built-in function");
    }
    if (draft.name != null && taken.contains(draft.name)) {
      throw new InvalidDefinition(where + draft.subject() + ": defined twice");
    }
    try {
      FunctionSpec spec = draft.toSpec(baseDir, zips);
      taken.add(spec.name());
      functions.add(spec);
    } catch (InvalidDefinition invalid) {
      throw where.isEmpty() ? invalid : new InvalidDefinition(where + invalid.getMessage());
    }
  }
}
