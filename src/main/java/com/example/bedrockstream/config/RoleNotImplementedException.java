package com.example.bedrockstream.config;

import com.pulumi.exceptions.RunException;

/** A role whose composition has not landed yet: refuse clearly rather than deploy an empty stack. */
public final class RoleNotImplementedException extends RunException {
    private static final long serialVersionUID = 1L;

    public RoleNotImplementedException(String stack, Role role) {
        super("Stack '" + stack + "' has role '" + role.configValue() + "', which is not implemented yet; "
                + "nothing was created. Deploy the 'ml' and 'app-hub' stacks for now.");
    }
}
