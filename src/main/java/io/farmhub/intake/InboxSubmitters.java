package io.farmhub.intake;

import java.util.Set;

/** The user names a document's folder may name: the configured users (interfaces.md, "Users, roles and permissions"). */
public interface InboxSubmitters {

    Set<String> names();
}
