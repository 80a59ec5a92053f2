package tradetalk.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a command-line date strictly as YYYY-MM-DD (2019-02-30 is refused), with a message saying so. */
final class IsoDate implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2019-11-26");
        }
    }
}
