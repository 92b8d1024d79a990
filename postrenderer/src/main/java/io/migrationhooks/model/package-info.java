/** Read-only views of Kubernetes objects in a stream, and the annotation names the tool reads and writes. */
package io.migrationhooks.model;
