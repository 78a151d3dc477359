package org.idp

/** "Did you mean" hints for misspelt setting names. */
class Suggestions {
    static String didYouMean(String given, List<String> known) {
        for (String candidate : known) {
            // An abbreviation ('params', 'env') keeps the letters of what was meant, however far apart the spellings are.
            if (given.length() >= 3 && isAbbreviation(given.toLowerCase(), candidate.toLowerCase())) {
                return " (did you mean '${candidate}'?)"
            }
        }
        String best = null
        int bestDistance = Integer.MAX_VALUE
        for (String candidate : known) {
            int distance = distance(given.toLowerCase(), candidate.toLowerCase())
            if (distance < bestDistance) {
                best = candidate
                bestDistance = distance
            }
        }
        // Beyond a third of the word the suggestion is more confusing than helpful.
        return best != null && bestDistance <= Math.max(2, (int) (given.length() / 3)) ? " (did you mean '${best}'?)" : ''
    }

    static boolean isAbbreviation(String given, String candidate) {
        if (given.charAt(0) != candidate.charAt(0)) {
            return false
        }
        int position = 0
        for (int i = 0; i < given.length(); i++) {
            position = candidate.indexOf((int) given.charAt(i), position)
            if (position < 0) {
                return false
            }
            position++
        }
        return true
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1]
        int[] current = new int[b.length() + 1]
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1)
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1))
            }
            int[] swap = previous
            previous = current
            current = swap
        }
        return previous[b.length()]
    }
}
