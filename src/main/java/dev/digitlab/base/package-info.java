/**
 * What every other package may use and that uses none of them: the app's home folder and version,
 * MNIST's shape, and the wording of errors for users.
 */
package dev.digitlab.base;
