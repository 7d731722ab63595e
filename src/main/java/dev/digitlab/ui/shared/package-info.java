/** What several tabs use: localized text, the active model, data sources, file choosers, PNG export and the latest-only worker. */
package dev.digitlab.ui.shared;
