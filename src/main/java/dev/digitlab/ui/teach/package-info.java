/** The Draw tab's "teach it my handwriting": the user's kept drawings, their panel and the Teach task. */
package dev.digitlab.ui.teach;
