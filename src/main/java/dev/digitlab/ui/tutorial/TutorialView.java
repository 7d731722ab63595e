package dev.digitlab.ui.tutorial;

import dev.digitlab.ui.shared.TabView;
import dev.digitlab.ui.shared.Messages;
import java.util.Arrays;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Tutorial tab: the steps on the left, each ticked once done; on the right the selected step's
 * explanation, its Keras code, a "Do it" button and what doing it showed. Bound to a
 * {@link TutorialViewModel}.
 */
public final class TutorialView implements TabView {

    private static final int FAQ_ENTRIES = 3;

    private final TutorialViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox detail = new VBox(12);
    private final ListView<TutorialStep> steps = new ListView<>(FXCollections.observableArrayList(TutorialStep.values()));

    public TutorialView(TutorialViewModel model) {
        this.model = model;
        root.getStyleClass().add("tutorial-view");
        root.getStylesheets().add(TutorialView.class.getResource("tutorial.css").toExternalForm());
        root.setLeft(stepList());
        detail.setPadding(new Insets(18, 24, 18, 24));
        detail.setId("tutorialDetail");
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        root.setCenter(scroll);
        model.selectedProperty().addListener((obs, old, now) -> showStep(now));
        showStep(model.selectedProperty().get());
    }

    /** The tab's content. */
    @Override
    public Parent root() {
        return root;
    }

    private Node stepList() {
        Label title = new Label(Messages.get("tutorial.heading"));
        title.getStyleClass().add("heading");
        title.setWrapText(true);
        Label count = new Label();
        count.setId("tutorialProgress");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.format("tutorial.progress", model.doneCountProperty().get(), TutorialStep.values().length),
                model.doneCountProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.doneCountProperty().divide((double) TutorialStep.values().length));

        setUpSteps();

        Button startOver = new Button(Messages.get("tutorial.startOver"));
        startOver.setId("startOverButton");
        startOver.setOnAction(e -> model.startOver());
        Label note = new Label(Messages.get("tutorial.leaveAnyTime"));
        note.setWrapText(true);
        note.getStyleClass().add("note");

        Button faq = new Button(Messages.get("tutorial.faq.title"));
        faq.setId("faqButton");
        faq.setMaxWidth(Double.MAX_VALUE);
        faq.setOnAction(e -> showFaq());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox box = new VBox(8, title, count, bar, steps, note, faq, gap, startOver);
        box.setPadding(new Insets(14));
        box.setPrefWidth(270);
        box.getStyleClass().add("step-list");
        return box;
    }

    /** The list of steps: follows the selected step both ways, and marks each step as it is done. */
    private void setUpSteps() {
        steps.setId("tutorialSteps");
        steps.setCellFactory(list -> new StepCell());
        steps.getSelectionModel().select(model.selectedProperty().get());
        steps.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> steps.getSelectionModel().select(now));
        for (TutorialStep step : TutorialStep.values()) {
            model.doneProperty(step).addListener((obs, old, now) -> steps.refresh());
        }
        // Tall enough for every step and no more: the room below is the note's.
        steps.setFixedCellSize(28);
        steps.setPrefHeight(28 * TutorialStep.values().length + 4);
        steps.setMinHeight(steps.getPrefHeight());
    }

    /** "✓ 3. Build the network", or a hollow circle while not done. */
    private final class StepCell extends ListCell<TutorialStep> {
        @Override
        protected void updateItem(TutorialStep step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().remove("done");
            if (empty || step == null) {
                setText(null);
                return;
            }
            boolean done = model.doneProperty(step).get();
            setText((done ? "\u2713  " : "\u25cb  ") + (step.ordinal() + 1) + ". " + step.title());
            if (done) {
                getStyleClass().add("done");
            }
        }
    }

    private void showStep(TutorialStep step) {
        if (step == null) {
            detail.getChildren().clear();
            return;
        }
        Label number = new Label(Messages.format("tutorial.stepOf", step.ordinal() + 1, TutorialStep.values().length));
        number.getStyleClass().add("step-number");
        Label title = new Label(step.title());
        title.setId("stepTitle");
        title.getStyleClass().add("step-title");
        Label text = new Label(step.text());
        text.setId("stepText");
        text.setWrapText(true);
        text.getStyleClass().add("step-text");
        Label kerasTitle = new Label(Messages.get("tutorial.keras"));
        kerasTitle.getStyleClass().add("keras-title");
        Label keras = new Label(step.keras());
        keras.setId("kerasSnippet");
        keras.getStyleClass().add("keras");
        keras.setMaxWidth(Double.MAX_VALUE);

        Label result = new Label();
        result.setId("stepResultText");
        result.setWrapText(true);
        result.getStyleClass().add("result-text");
        result.textProperty().bind(model.textProperty(step));
        result.visibleProperty().bind(result.textProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        StackPane picture = new StackPane();
        picture.setId("stepResult");
        picture.setAlignment(Pos.TOP_LEFT);
        picture.getChildren().setAll(ResultViews.of(model.resultProperty(step).get()));
        model.resultProperty(step).addListener((obs, old, now) -> {
            if (model.selectedProperty().get() == step) {
                picture.getChildren().setAll(ResultViews.of(now));
            }
        });
        detail.getChildren().setAll(number, title, text, kerasTitle, keras, buttons(step), result, picture);
    }

    /** The questions learners ask most (the tutorial's FAQ), in place of a step. */
    private void showFaq() {
        model.selectedProperty().set(null);
        steps.getSelectionModel().clearSelection();
        Label title = new Label(Messages.get("tutorial.faq.title"));
        title.getStyleClass().add("step-title");
        VBox box = new VBox(14, title);
        for (int i = 1; i <= FAQ_ENTRIES; i++) {
            Label question = new Label(Messages.get("tutorial.faq.q" + i));
            question.getStyleClass().add("faq-question");
            question.setWrapText(true);
            Label answer = new Label(Messages.get("tutorial.faq.a" + i));
            answer.getStyleClass().add("step-text");
            answer.setWrapText(true);
            box.getChildren().add(new VBox(4, question, answer));
        }
        box.setId("faq");
        detail.getChildren().setAll(box);
    }

    private Node buttons(TutorialStep step) {
        Button doIt = new Button(Messages.get("tutorial.doIt"));
        doIt.setId("doItButton");
        doIt.setDefaultButton(true);
        doIt.getStyleClass().add("do-it");
        doIt.disableProperty().bind(model.canDoItProperty().not());
        doIt.setOnAction(e -> model.doIt(step));
        HBox row = new HBox(10, doIt);
        if (step == TutorialStep.IMPROVE) {
            ChoiceBox<Improvement> choice = new ChoiceBox<>(FXCollections.observableArrayList(Improvement.values()));
            choice.setId("improvementChoice");
            choice.setConverter(new StringConverter<>() {
                @Override
                public String toString(Improvement i) {
                    return i == null ? "" : i.label();
                }

                @Override
                public Improvement fromString(String s) {
                    return Arrays.stream(Improvement.values()).filter(i -> i.label().equals(s)).findFirst().orElse(null);
                }
            });
            choice.valueProperty().bindBidirectional(model.improvementProperty());
            row.getChildren().add(choice);
        }
        Button next = new Button(Messages.get("tutorial.next"));
        next.setId("nextStepButton");
        next.setDisable(step.ordinal() == TutorialStep.values().length - 1);
        next.setOnAction(e -> model.next());
        Label done = new Label(Messages.get("tutorial.done"));
        done.setId("stepDone");
        done.getStyleClass().add("done-mark");
        done.visibleProperty().bind(model.doneProperty(step));
        row.getChildren().addAll(next, done);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
