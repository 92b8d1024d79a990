/**
 * The render pipeline: {@link io.migrationhooks.render.Selection} decides which resources take part
 * (reused by plan and check), the {@link io.migrationhooks.render.Rule}s record edits, and
 * {@link io.migrationhooks.render.Renderer} applies them. Free of any command-line concerns.
 */
package io.migrationhooks.render;
