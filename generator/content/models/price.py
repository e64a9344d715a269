"""What a learner pays: a unit's price, a prior-learning assessment's fee."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.content.models.base import Model, code


class Price(Model):
    """What a learner pays: 0 for free."""

    amount: Annotated[Decimal, Field(ge=0, le=100_000, decimal_places=2)] = Field(
        description="price for one learner"
    )
    currency: code("currencies") | None = Field(  # type: ignore[valid-type]  # code(): a type made at run time
        default=None, description="ISO 4217 currency code, e.g. EUR"
    )

    @model_validator(mode="before")
    @classmethod
    def _free(cls, value: Any) -> Any:
        if value == 0 or (isinstance(value, str) and value.strip().lower() == "free"):
            return {"amount": 0}
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            raise PydanticCustomError(
                "price", "give the currency too, like `price: {amount: 120, currency: EUR}`"
            )
        return value

    @model_validator(mode="after")
    def _currency_when_paid(self) -> Price:
        if self.amount > 0 and self.currency is None:
            raise PydanticCustomError("price", "a paid offer needs a `currency`, e.g. EUR")
        return self

    @property
    def is_free(self) -> bool:
        """True when learners pay nothing."""
        return self.amount == 0
