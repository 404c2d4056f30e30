package io.farmhub.core;

/** Every error code FarmHub reports (domain.md and interfaces.md), by its contract name. */
public enum ErrorCode {
    // domain.md: rules
    ANIMAL_EXISTS,
    UNKNOWN_LOCATION,
    DATE_IN_FUTURE,
    ANIMAL_ON_FARM,
    ANIMAL_NOT_ON_FARM,
    ANIMAL_PLEDGED,
    ALREADY_THERE,
    BARN_FULL,
    NOT_FEMALE,
    OUT_OF_RANGE,
    FIELD_EXISTS,
    CROP_STANDING,
    NO_CROP,
    BARN_EXISTS,
    TRACTOR_EXISTS,
    HOURS_DECREASED,
    ALREADY_PLEDGED,
    UNKNOWN_LOAN,
    /**
     * A tractor a command names is not registered. domain.md says "registered" without a code for tractors;
     * an unregistered field or barn is {@link #UNKNOWN_LOCATION}, an animal not on the farm
     * {@link #ANIMAL_NOT_ON_FARM}.
     */
    UNKNOWN_TRACTOR,
    // domain.md: payloads
    UNKNOWN_COMMAND,
    MALFORMED,
    // the command pipeline
    CONFLICT,
    FORBIDDEN,
    QUOTA_EXCEEDED,
    // intake (interfaces.md)
    UNKNOWN_SUBMITTER,
    TOO_LARGE,
    UNSUPPORTED_DOCUMENT
}
