// A stand-in built as libQt6Network.so: the program linking it shows that the network-library
// check fails on a program that needs one (test_packaging_network_check_detects).
int rashisa_fake_network_function() { return 42; }
