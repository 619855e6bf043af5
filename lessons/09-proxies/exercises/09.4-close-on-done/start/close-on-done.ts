// 💣 The reply is whole, but the EventSource stays open: when the server ends the
//    stream, it reconnects by itself and asks for the job again (lesson 02's trap).
// 🐨 Close the connection here, before resolving.
