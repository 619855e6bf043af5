// Exercise 04.5 is a stretch: no steps here. Its README says what this part of the route must do.
sendError(res, 501, "not_written", "The chat route does not relay the model's answer yet (exercise 04.5).");
