package org.idp

/**
 * Reads one map of step settings by name and type. Problems are collected, not thrown, so a user sees every
 * mistake in one run instead of one per build.
 */
class SettingReader implements Serializable {
    private final String scope
    private final Map values
    private final List<String> problems

    private SettingReader(String scope, Map values, List<String> problems) {
        this.scope = scope
        this.values = values
        this.problems = problems
    }

    /** scope prefixes nested settings ("credentials." for credentials.sonar); it is empty at the top level. */
    static SettingReader of(String scope, Object values, List<String> problems, String example) {
        if (values == null) {
            return new SettingReader(scope, [:], problems)
        }
        if (!(values instanceof Map)) {
            problems << "'${scope.replaceAll(/\.$/, '')}' must be a map such as ${example}, but was ${describe(values)}.".toString()
            return new SettingReader(scope, [:], problems)
        }
        return new SettingReader(scope, (Map) values, problems)
    }

    void rejectUnknown(List<String> known) {
        for (Object key : values.keySet()) {
            String name = String.valueOf(key)
            if (!known.contains(name)) {
                problems << ("unknown setting '${scope}${name}'${Suggestions.didYouMean(name, known)}. " +
                    "Valid settings${scope ? ' in ' + scope.replaceAll(/\.$/, '') : ''}: ${known.join(', ')}.").toString()
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name) && values[name] != null
    }

    /** A string setting; pattern and hint describe what is valid. A missing required setting is a problem. */
    String string(String name, String defaultValue, boolean required, String pattern, String hint) {
        if (!has(name)) {
            if (required) {
                problems << "'${scope}${name}' is required: ${hint}.".toString()
            }
            return defaultValue
        }
        Object value = values[name]
        if (!(value instanceof CharSequence) || !(value.toString() ==~ pattern)) {
            problems << "'${scope}${name}' must be ${hint}, but was ${describe(value)}.".toString()
            return defaultValue
        }
        return value.toString()
    }

    List<String> stringList(String name, List<String> defaultValue, String pattern, String hint) {
        if (!has(name)) {
            return defaultValue
        }
        Object value = values[name]
        if (!(value instanceof List) || ((List) value).isEmpty()) {
            problems << "'${scope}${name}' must be a non-empty list of ${hint}, but was ${describe(value)}.".toString()
            return defaultValue
        }
        List<String> result = []
        for (Object item : (List) value) {
            if (!(item instanceof CharSequence) || !(item.toString() ==~ pattern)) {
                problems << "'${scope}${name}' must hold only ${hint}, but holds ${describe(item)}.".toString()
            } else if (result.contains(item.toString())) {
                problems << "'${scope}${name}' lists '${item}' twice; list each once.".toString()
            } else {
                result << item.toString()
            }
        }
        return result
    }

    int integer(String name, int defaultValue, int min, int max, String hint) {
        if (!has(name)) {
            return defaultValue
        }
        Object value = values[name]
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
            problems << "'${scope}${name}' must be a whole number from ${min} to ${max} (${hint}), but was ${describe(value)}.".toString()
            return defaultValue
        }
        return ((Number) value).intValue()
    }

    Object raw(String name) {
        return values[name]
    }

    static String describe(Object value) {
        if (value == null) {
            return 'null'
        }
        if (value instanceof CharSequence) {
            return "the text '${value}'"
        }
        if (value instanceof List) {
            return "the list ${value.inspect()}"
        }
        if (value instanceof Map) {
            return "the map ${value.inspect()}"
        }
        return "${value.getClass().simpleName} ${value}"
    }
}
