"""What the project's NLU components share: made from config, nothing to train."""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData


class UntrainedComponent(GraphComponent):
    """A rule-based component: its rules are data files, read when the model loads."""

    # Touches every rule set once (words, a child, danger-free).
    WARM_UP_TEXT = "my son's account was hacked"

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.component_config = config

    def warm_up(self) -> None:
        """Reads the rules and word tables now, while the server loads, so the
        first person to write (perhaps in danger) does not wait seconds for them."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "UntrainedComponent":
        component = cls(config)
        component.warm_up()
        return component

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
