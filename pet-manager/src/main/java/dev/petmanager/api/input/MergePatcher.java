package dev.petmanager.api.input;

import dev.petmanager.api.problem.ApiProblem;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Applies an RFC 7396 JSON merge patch to a resource's input form, then binds and validates the result exactly as a
 * full update would be, so PATCH and PUT share one set of rules.
 */
@ApplicationScoped
public class MergePatcher {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatcher(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T patch(T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.badRequest("a merge patch must be a JSON object");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result = mapper.treeToValue(merged, type);
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /**
     * The patch alone, bound and validated as {@link #patch} would bind and validate it onto {@code blank} (the input
     * form with no values, whose fields keep their order), for a write that changes only the patched fields without
     * reading the others. Only the patched fields are validated: equivalent to validating the merged input exactly
     * when {@code type}'s constraints are per field (no class-level constraint) and the stored values pass them.
     */
    public <T> Patched<T> patchedFields(T blank, JsonNode patch, Class<T> type) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.badRequest("a merge patch must be a JSON object");
        }
        T result = mapper.treeToValue(merge(mapper.valueToTree(blank), patch), type);
        Set<String> fields = new java.util.LinkedHashSet<>();
        patch.fieldNames().forEachRemaining(fields::add);
        Set<ConstraintViolation<T>> violations = new java.util.HashSet<>();
        for (String field : fields) {
            if (hasProperty(type, field)) {
                violations.addAll(validator.validateProperty(result, field));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Patched<>(result, Set.copyOf(fields));
    }

    private static boolean hasProperty(Class<?> type, String field) {
        return type.isRecord() && java.util.Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(field));
    }

    /** A patch bound to its input form ({@code value}; fields it does not name are null) and the fields it names. */
    public record Patched<T>(T value, Set<String> fields) {
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
