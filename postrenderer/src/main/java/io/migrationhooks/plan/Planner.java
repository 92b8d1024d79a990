package io.migrationhooks.plan;

import io.migrationhooks.model.Resource;
import io.migrationhooks.render.Selection;
import java.util.List;

/** Builds the plan of one deploy tool ("target"). */
public interface Planner {
  Plan plan(List<Resource> resources, Selection selection);
}
