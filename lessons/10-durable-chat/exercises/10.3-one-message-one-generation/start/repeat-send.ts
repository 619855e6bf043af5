// 🐨 A message id this chat already has was sent before: a retry after a network error (the
//    202 never arrived, the phone went offline), maybe long after its answer ended, or a
//    double click that reached another instance. Sending it again must not start a second
//    generation (billed twice) beside a second answer to one message: answer with the run
//    of its answer instead, marked repeated (`answerTo`, above, finds it, or the run still
//    being started for it). If it has no answer to find, refuse with 409 "already_answered".
