package dev.petmanager.storage;

import java.time.LocalDate;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores dates as ISO-8601 text (2020-01-31). The SQLite driver would otherwise bind a date as epoch milliseconds
 * at local midnight, so the stored value would depend on the JVM's time zone; text is readable and sorts right.
 */
@Converter
public class IsoLocalDateConverter implements AttributeConverter<LocalDate, String> {

    @Override
    public String convertToDatabaseColumn(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public LocalDate convertToEntityAttribute(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
