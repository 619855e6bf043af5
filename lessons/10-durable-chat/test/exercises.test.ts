// Every exercise of this lesson: its check fails on the starting code and passes on the solution.
import { describeExerciseIntegrity } from "@workshop/exercises/integrity";

describeExerciseIntegrity(new URL("..", import.meta.url).pathname);
