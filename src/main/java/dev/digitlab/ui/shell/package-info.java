/** The window's shell: the main window that wires the tabs together, its menus, status bar, dialogs and model files. */
package dev.digitlab.ui.shell;
