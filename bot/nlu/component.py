"""What the project's NLU components share: made from config, nothing to train."""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData


class UntrainedComponent(GraphComponent):
    """A rule-based component: its rules are data files, read when first used."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.component_config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "UntrainedComponent":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
