package dev.localdb.cli.command;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout SECONDS}: says what it wants in the user's words, not "'abc' is not a long". */
final class WholeSeconds implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of seconds, e.g. 10");
        }
    }
}
