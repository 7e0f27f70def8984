//go:build tools

// Package tools pins the Pulumi CLI that the real-engine scenario builds: a release that ships with the Java
// SDK 1.36.1 the program uses.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
