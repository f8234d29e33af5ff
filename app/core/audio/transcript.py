"""A transcript: the words said on one audio track, each with its start and end time."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    text: str  # as the model wrote it, with its punctuation ("Smith,")
    start_s: float
    end_s: float
    probability: float = 1.0
    # where the speech model placed the word, when the sound placed it elsewhere
    # (forced_alignment): what is hidden covers both, so aligning never narrows it
    heard: tuple[float, float] | None = None

    @property
    def outer(self) -> tuple[float, float]:
        """From the earlier start to the later end of the two placings (what hiding the
        word hides, before padding)."""
        if self.heard is None:
            return self.start_s, self.end_s
        return min(self.start_s, self.heard[0]), max(self.end_s, self.heard[1])

    @property
    def bare(self) -> str:
        """The word without punctuation or case, for matching ("smith")."""
        return "".join(c for c in self.text.lower() if c.isalnum() or c in "'@.-+").strip(".-")


@dataclass
class Transcript:
    """What the speech model heard on ``audio_track`` (0 = the file's first audio stream)."""

    audio_track: int
    words: list[Word] = field(default_factory=list)
    language: str = "en"
    model: dict[str, str] = field(default_factory=dict)  # SpeechModel.describe()
    duration_s: float = 0.0
    elapsed_s: float = 0.0
    # stretches of speech (start, end s) the model wrote no words for, even on a second try
    unheard: list[tuple[float, float]] = field(default_factory=list)
    # each word's speaker (1, 2, ...: told apart by voice, speakers.py); [] if not judged
    speakers: list[int] = field(default_factory=list)
    # each unheard stretch's speaker (0: unsure); [] if not judged (transcripts made before)
    unheard_speakers: list[int] = field(default_factory=list)

    def word_speakers(self) -> list[int]:
        """Each word's speaker, or [] where speakers were not judged for these words."""
        return self.speakers if len(self.speakers) == len(self.words) else []

    def stretch_speakers(self) -> list[int]:
        """Each unheard stretch's speaker, or [] where they were not judged."""
        return self.unheard_speakers if len(self.unheard_speakers) == len(self.unheard) \
            else []

    def speaker_count(self) -> int:
        return max(self.word_speakers(), default=0)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def words_between(self, start_s: float, end_s: float) -> list[int]:
        """Indexes of the words that overlap ``start_s``..``end_s`` (by either placing)."""
        return [i for i, w in enumerate(self.words)
                if w.outer[0] < end_s and w.outer[1] > start_s]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["words"] = [[w.text, round(w.start_s, 3), round(w.end_s, 3),
                          round(w.probability, 3),
                          *([round(w.heard[0], 3), round(w.heard[1], 3)] if w.heard else [])]
                         for w in self.words]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transcript:
        return cls(audio_track=int(data["audio_track"]),
                   words=[Word(str(w[0]), float(w[1]), float(w[2]), float(w[3]),
                               (float(w[4]), float(w[5])) if len(w) >= 6 else None)
                          for w in data.get("words", [])],
                   language=str(data.get("language", "en")),
                   model={str(k): str(v) for k, v in data.get("model", {}).items()},
                   duration_s=float(data.get("duration_s", 0.0)),
                   elapsed_s=float(data.get("elapsed_s", 0.0)),
                   unheard=[(float(a), float(b)) for a, b in data.get("unheard", [])],
                   speakers=[int(s) for s in data.get("speakers", [])],
                   unheard_speakers=[int(s) for s in data.get("unheard_speakers", [])])
