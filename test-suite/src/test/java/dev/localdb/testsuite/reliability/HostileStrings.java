package dev.localdb.testsuite.reliability;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of the text a hostile or careless user can hand localdb: any character at all,
 * path pieces, terminal escapes, look-alike Unicode, shell syntax, and almost-valid values with
 * one bad character slipped in.
 */
final class HostileStrings {
    static final String NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    /** Where ports stop being valid, and a little beyond. */
    static final long[] PORT_BOUNDS = {0, 1, 1023, 1024, 65_535, 65_536, Integer.MAX_VALUE, Long.MAX_VALUE};

    /** Pieces that break things elsewhere: traversal, separators, escapes, look-alikes, shell syntax. */
    static final List<String> PIECES = List.of(
            "..", ".", "/", "\\", "\u0000", "\n", "\r", "\t", " ", "~", "$HOME", "${HOME}", "%2e%2e%2f", "\u001b[31m",
            "\u001b]0;owned\u0007", "\u009b2J", "\u2215", "\uff0e", "\u202e", "\u200b", "e\u0301", "\u00e9", "\ud83d\ude00",
            "\ud800", "\udc00", "\ufeff", "CON", "NUL", "-", "--", "@", "*", "?", ":", ";", "|", "&", "`id`", "$(id)", "'",
            "\"", "web", "a", "0", "_", "A", "Z", "x".repeat(65), "/etc/passwd", "../../../../tmp/escaped", "C:\\x");

    private HostileStrings() {
    }

    /** A project name from everywhere: any characters, the name alphabet, hostile pieces, a valid name spoilt. */
    static String projectName(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 25) {
            return anyCharacters(random, 80, true);
        }
        if (pick < 55) {
            return fromAlphabet(random, NAME_ALPHABET, 0, 70);
        }
        if (pick < 80) {
            return pieces(random);
        }
        return spoilt(random, fromAlphabet(random, NAME_ALPHABET, 1, 20));
    }

    /**
     * Any UTF-16 text, controls and lone surrogates included.
     *
     * @param nul whether NUL may appear: an argument can hold it in this JVM, an environment variable never can
     */
    static String anyCharacters(SplittableRandom random, int maxLength, boolean nul) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                out.append((char) random.nextInt(0x20, 0x7f));
            } else if (kind < 5) {
                int[] controls = {0, 7, 8, 9, 10, 13, 27, 127, 0x85, 0x9b};
                out.append((char) controls[random.nextInt(controls.length)]);
            } else if (kind < 7) {
                out.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
            } else if (kind < 9) {
                out.append((char) random.nextInt(0x10000));
            } else {
                out.appendCodePoint(random.nextInt(0x10000, 0x110000));
            }
        }
        String text = out.toString();
        return nul ? text : text.replace('\u0000', '?');
    }

    static String fromAlphabet(SplittableRandom random, String alphabet, int minLength, int maxLength) {
        int length = random.nextInt(minLength, maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String pieces(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(1, 7); i > 0; i--) {
            out.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return out.toString();
    }

    /** The text with one hostile piece put in at a random place. */
    static String spoilt(SplittableRandom random, String text) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + PIECES.get(random.nextInt(PIECES.size())) + text.substring(at);
    }

    /** A whole number as people and programs write them, mostly near the interesting bounds. */
    static String number(SplittableRandom random, long... bounds) {
        long bound = bounds[random.nextInt(bounds.length)];
        long value = switch (random.nextInt(4)) {
            case 0 -> bound;
            case 1 -> bound + random.nextInt(-2, 3);
            case 2 -> random.nextLong(-100_000, 200_000);
            default -> random.nextLong();
        };
        String text = Long.toString(value);
        return switch (random.nextInt(8)) {
            case 0 -> " " + text + " ";
            case 1 -> value >= 0 ? "+" + text : text;
            case 2 -> "00" + text;
            case 3 -> text + ".0";
            case 4 -> spoilt(random, text);
            default -> text;
        };
    }
}
