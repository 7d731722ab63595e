/** JavaFX views and view models; background tasks adapt listeners to the FX thread. */
package dev.digitlab.ui;
