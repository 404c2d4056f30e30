package io.farmhub.projection;

/** A projection or classifier name that domain.md does not define; the REST layer answers 404. */
public class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String kind, String name) {
        super("no " + kind + " named '" + name + "'");
    }
}
