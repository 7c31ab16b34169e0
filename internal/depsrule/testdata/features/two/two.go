// Package two is a feature that follows the rule.
package two

// Name is anything to import.
const Name = "two"
