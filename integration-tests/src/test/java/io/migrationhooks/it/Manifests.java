package io.migrationhooks.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Kubernetes objects parsed from a multi-document YAML stream, with the accessors the tests need. */
final class Manifests {

    private Manifests() {
    }

    /** The non-empty documents of the stream, in order. */
    static List<Map<String, Object>> parse(String stream) {
        Load load = new Load(LoadSettings.builder().setLabel("rendered manifests").build());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : load.loadAllFromString(stream)) {
            if (document != null) {
                documents.add(asMap(document, "document"));
            }
        }
        return documents;
    }

    static String kind(Map<String, Object> object) {
        return (String) object.get("kind");
    }

    static String name(Map<String, Object> object) {
        return (String) metadata(object).get("name");
    }

    /** Kind/name, as the tests and Helm's messages name an object. */
    static String id(Map<String, Object> object) {
        return kind(object) + "/" + name(object);
    }

    static Map<String, Object> annotations(Map<String, Object> object) {
        Object annotations = metadata(object).get("annotations");
        return annotations == null ? Map.of() : asMap(annotations, "annotations of " + id(object));
    }

    static Map<String, Object> labels(Map<String, Object> object) {
        Object labels = metadata(object).get("labels");
        return labels == null ? Map.of() : asMap(labels, "labels of " + id(object));
    }

    /** The value at a dotted path of mappings, e.g. "spec.strategy.rollingUpdate", or null. */
    static Object at(Map<String, Object> object, String path) {
        Object current = object;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(kind(object)) && name.equals(name(object)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + "/" + name + " among " + ids(objects)));
    }

    static List<String> ids(List<Map<String, Object>> objects) {
        return objects.stream().map(Manifests::id).toList();
    }

    private static Map<String, Object> metadata(Map<String, Object> object) {
        return asMap(object.get("metadata"), "metadata of a " + kind(object));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("Expected a mapping as " + what + " but got " + value);
        }
        return (Map<String, Object>) value;
    }
}
